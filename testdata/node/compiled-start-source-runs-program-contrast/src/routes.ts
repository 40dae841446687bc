import { Router } from 'express';
import { execFile } from 'child_process';
export const notes = Router();
notes.get('/thumb', (_req, res) => {
    execFile('convert', ['in.png', '-resize', '64x64', 'out.png'], () => res.sendFile('out.png'));
});
