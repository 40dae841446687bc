const express = require('express');
const multer = require('multer');

const upload = multer({ dest: 'uploads' });

const app = express();
app.post('/api/upload', upload.single('file'), (req, res) => res.json({ ok: true }));
app.listen(3000);
