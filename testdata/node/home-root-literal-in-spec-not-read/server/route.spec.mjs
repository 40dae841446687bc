import test from 'node:test';
import assert from 'node:assert';
import { readdir } from 'node:fs/promises';

test('a folder only root may read', async () => {
  await assert.rejects(readdir('/root'));
});
