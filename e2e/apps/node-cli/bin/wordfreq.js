#!/usr/bin/env node
'use strict';

// wordfreq [--top N] [--json] TEXT...: the N most frequent words of TEXT.
const { parseArgs } = require('node:util');
const { frequencies } = require('../lib/count');

const { values, positionals } = parseArgs({
  options: { top: { type: 'string', default: '5' }, json: { type: 'boolean', default: false } },
  allowPositionals: true,
});
const top = Number.parseInt(values.top, 10);
if (!Number.isInteger(top) || top < 1) {
  console.error(`wordfreq: --top wants a positive number, got ${values.top}`);
  process.exit(2);
}
const rows = frequencies(positionals.join(' ')).slice(0, top);
if (values.json) {
  console.log(JSON.stringify(rows));
} else {
  for (const [word, n] of rows) console.log(`${String(n).padStart(4)}  ${word}`);
}
