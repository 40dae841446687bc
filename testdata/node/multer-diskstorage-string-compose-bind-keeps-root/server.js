const express = require('express');
const multer = require('multer');

const upload = multer({
  storage: multer.diskStorage({
    destination: 'uploads/',
    filename: (req, file, cb) => cb(null, file.originalname),
  }),
});

const app = express();
app.post('/upload', upload.single('file'), (req, res) => res.json({ ok: true }));
app.listen(3000);
