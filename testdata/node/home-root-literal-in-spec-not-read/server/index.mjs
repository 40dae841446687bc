import { readdir } from 'node:fs/promises';

export async function handler(req, res) {
  res.end((await readdir('.')).join('\n') + '\n');
}
