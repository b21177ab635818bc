import pc from 'picocolors';

// picocolors colours only a terminal (and honours NO_COLOR / FORCE_COLOR).
export const colors = pc;

export const print = (line = '') => process.stdout.write(`${line}\n`);
export const warn = (line: string) => process.stderr.write(`${line}\n`);
export const printJson = (value: unknown) => print(JSON.stringify(value));

/** Columns padded to their widest cell; the heading dimmed. */
export function printTable(heading: string[], rows: (string | number | null | undefined)[][]): void {
  const cells = rows.map((row) =>
    row.map((cell) => (cell === null || cell === undefined ? '-' : String(cell))),
  );
  const widths = heading.map((h, i) => Math.max(h.length, ...cells.map((row) => row[i].length)));
  const line = (row: string[]) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  print(colors.dim(line(heading)));
  for (const row of cells) print(line(row));
}

/** 1234567 → "1,234,567". */
export const count = (n: number) => n.toLocaleString('en-US');
