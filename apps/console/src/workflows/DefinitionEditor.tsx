import { useMemo } from 'react';
import { json } from '@codemirror/lang-json';
import { yaml } from '@codemirror/lang-yaml';
import { lintGutter, linter, type Diagnostic } from '@codemirror/lint';
import { EditorView } from '@codemirror/view';
import CodeMirror from '@uiw/react-codemirror';
import { styleNonce } from '../app/theme';
import { syntaxProblems, type DefinitionProblem } from './definition-problems';

/**
 * The definition's text with its problems where they are: YAML syntax as you type, and what the
 * service found on the last save (until the text changes).
 */
export function DefinitionEditor({
  value,
  onChange,
  format,
  savedProblems,
  labelledBy,
}: {
  value: string;
  onChange: (text: string) => void;
  format: 'yaml' | 'json';
  savedProblems: DefinitionProblem[];
  labelledBy: string;
}) {
  const extensions = useMemo(() => {
    const diagnostics = (text: string): Diagnostic[] =>
      [...syntaxProblems(text), ...savedProblems]
        .filter((p) => p.from !== null && p.to !== null)
        .map((p) => ({
          from: Math.min(p.from!, text.length),
          to: Math.min(p.to!, text.length),
          severity: 'error',
          message: p.message,
        }));
    return [
      format === 'json' ? json() : yaml(),
      linter((view) => diagnostics(view.state.doc.toString()), { delay: 300 }),
      lintGutter(),
      EditorView.lineWrapping,
      EditorView.cspNonce.of(styleNonce()),
      EditorView.contentAttributes.of({ 'aria-labelledby': labelledBy }),
    ];
  }, [format, savedProblems, labelledBy]);

  return (
    <CodeMirror
      value={value}
      onChange={onChange}
      extensions={extensions}
      minHeight="320px"
      maxHeight="70vh"
      basicSetup={{ foldGutter: false, highlightActiveLine: false }}
      style={{
        border: '1px solid var(--mantine-color-gray-4)',
        borderRadius: 'var(--mantine-radius-md)',
        overflow: 'hidden',
      }}
    />
  );
}
