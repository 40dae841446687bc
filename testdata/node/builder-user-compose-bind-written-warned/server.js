const http = require('http');
const multer = require('multer');
const upload = multer({ dest: 'uploads/' });
http.createServer((req, res) => upload.single('file')(req, res, () => res.end('ok'))).listen(5000);
