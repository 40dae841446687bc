const cp = require('child_process');
cp.exec('tsc', (e) => { if (e) throw e; });
