const express = require('express');
const { spawn } = require('child_process');
const app = express();
app.get('/run', (req, res) => { spawn(process.env.TOOL, ['x']); res.end(); });
app.listen(8080);
