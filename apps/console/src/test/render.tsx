import type { ReactElement } from 'react';
import { MantineProvider } from '@mantine/core';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { theme } from '../app/theme';

/** Renders inside the console's theme, with a user who types and clicks. */
export function renderWithTheme(ui: ReactElement) {
  const user = userEvent.setup();
  return { user, ...render(<MantineProvider theme={theme}>{ui}</MantineProvider>) };
}
