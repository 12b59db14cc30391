import { read } from 'read';

/** Asks for a password twice without echo (the `read` package drives the TTY). */
export async function promptNewPassword(say: (line: string) => void): Promise<string> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const first = await read({ prompt: 'Password: ', silent: true, replace: '', output: process.stderr });
    const second = await read({ prompt: 'Repeat password: ', silent: true, replace: '', output: process.stderr });
    if (first === second) return String(first);
    say('The two passwords differ; try again.');
  }
  throw new Error('The passwords did not match three times; nothing was created.');
}
