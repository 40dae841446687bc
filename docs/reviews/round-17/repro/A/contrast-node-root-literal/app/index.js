import { readFileSync } from 'fs';

const token = readFileSync('/root/.config/watcher/token', 'utf8');
console.log(token.length);
