import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { openDataSource } from '@app/persistence';
import { loadApiConfig } from '../config';
import { apiDatabase, apiService } from '../start';
import { parseInput } from '../http/validation';
import { newUser } from './create-user.usecase';
import { UserEntity } from './user.entity';
import { UserStore } from './user.store';
import { CreateUserBody } from './user.view';

const USAGE =
  'usage: user:create --email <email> --role admin|member [--workspace <id>]...\n' +
  '       the password is read from standard input (typed, hidden, on a terminal; piped otherwise)';

/** Reads the password: hidden prompt on a terminal, the first line of piped input otherwise. */
async function readPassword(): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0];
  }
  const rl = createInterface({ input: stdin, output: process.stderr, terminal: true });
  // Echo nothing while the password is typed.
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => undefined;
  process.stderr.write('Password: ');
  const password = await new Promise<string>((resolve) => rl.question('', resolve));
  rl.close();
  process.stderr.write('\n');
  return password;
}

/**
 * `main.js user:create --email … --role admin`: creates a console user straight in the api's
 * schema (migrating it first), for the first admin before anyone can sign in. Workspace ids are
 * taken as given (routing need not run).
 */
export async function createUserCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      email: { type: 'string' },
      role: { type: 'string', default: 'member' },
      workspace: { type: 'string', multiple: true, default: [] },
    },
  });
  if (!values.email) throw new Error(`--email is required\n${USAGE}`);
  const password = await readPassword();
  const body = parseInput(
    CreateUserBody,
    { email: values.email, password, role: values.role, workspaceIds: values.workspace },
    'arguments',
  );
  const config = loadApiConfig();
  const dataSource = await openDataSource(apiDatabase.options(apiService.name, config));
  try {
    const user = await newUser(body);
    await new UserStore(dataSource.getRepository(UserEntity)).insert(user);
    process.stdout.write(`api: user ${user.id} created (${user.email}, ${user.role})\n`);
  } finally {
    await dataSource.destroy();
  }
}
