const express = require('express');
const multer = require('multer');

// The README's shape, with the callback's parameter under another name.
const storage = multer.diskStorage({
  filename: (req, file, done) => {
    done(null, Date.now() + '-' + file.originalname);
  },
  destination: function (req, file, done) {
    if (!file) {
      return done(new Error('no file'));
    }
    done(null, 'uploads');
  },
});

const app = express();
app.post('/upload', multer({ storage }).single('file'), (req, res) => res.json({ ok: true }));
app.listen(3000);
