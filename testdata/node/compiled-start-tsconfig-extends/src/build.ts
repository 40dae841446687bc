import childProcess from 'child_process';
// Build step: compiles src/ into dist/ in the image build.
function exec(cmd: string) {
    childProcess.exec(cmd, { cwd: './' }, (err) => { if (err) throw err; });
}
exec('rm -rf dist');
exec('tsc');
