const express = require('express');
const multer = require('multer');
const fs = require('fs');
const DIR = fs.readFileSync('/conf/.path', 'utf-8').trim();
if (!fs.existsSync(DIR)) {
  fs.mkdirSync(DIR, { recursive: true });
}
const upload = multer({ storage: multer.diskStorage({ destination: (_, __, cb) => cb(null, DIR) }) });
const app = express();
app.post('/upload', upload.single('file'), (req, res) => res.json({ name: req.file.filename }));
app.listen(3000);
