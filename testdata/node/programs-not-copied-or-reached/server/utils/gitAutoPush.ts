import { exec } from 'child_process';
// not loaded by index.js: a TypeScript file of an older entry point
export function autoPush() {
  exec('git add . && git commit -m "Auto-sync" && git push', () => {});
}
