import { useCallback, useState } from 'react';
import { describeError } from '../api/errors';

/** Runs a button's action and keeps its failure as a message to show (cleared on the next try). */
export function useAction(): {
  problem: string | null;
  act: (action: () => Promise<unknown>) => Promise<void>;
} {
  const [problem, setProblem] = useState<string | null>(null);
  const act = useCallback(async (action: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await action();
    } catch (error) {
      setProblem(describeError(error));
    }
  }, []);
  return { problem, act };
}
