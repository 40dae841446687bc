const { exec } = require('child_process');
const lang = process.argv[2] || 'c';
const runners = { c: 'gcc /tmp/a.c -o /tmp/a && /tmp/a', py: 'python3 /tmp/a.py', ts: 'ts-node /tmp/a.ts', php: 'php /tmp/a.php' };
exec(runners[lang], (err, out, errout) => console.log(err ? errout : out));
