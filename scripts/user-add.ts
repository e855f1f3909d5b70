// `npm run user:add -- EMAIL --role admin|viewer [--name NAME]`: adds or updates a user in the users file,
// reading the password from standard input (never from the command line, which other users can see).
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { isRole } from '../lib/auth/roles';
import { upsertUser, usersFilePath } from '../lib/auth/users';

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0];
  }
  process.stderr.write('Password: ');
  const rl = readline.createInterface({ input: process.stdin, terminal: true });
  // Hide what is typed.
  (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = () => {};
  const password = await new Promise<string>((resolve) => rl.question('', resolve));
  rl.close();
  process.stderr.write('\n');
  return password;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { role: { type: 'string' }, name: { type: 'string' } } });
  const [email] = positionals;
  if (!email || !/^[^@\s]+@[^@\s]+$/.test(email) || !isRole(values.role)) {
    console.error('usage: npm run user:add -- EMAIL --role admin|viewer [--name NAME]   (password on standard input)');
    process.exit(2);
  }
  const password = await readPassword();
  if (password.length < 12) {
    console.error('user:add: the password must have at least 12 characters');
    process.exit(2);
  }
  const file = usersFilePath();
  const outcome = upsertUser(file, { email, name: values.name, role: values.role, password });
  console.log(`${outcome === 'added' ? 'Added' : 'Updated'} ${email} (${values.role}) in ${file}`);
}

main();
