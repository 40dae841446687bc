const express = require('express');
const db = require('./db');
const app = express();
app.get('/', async (req, res) => res.json(await db.version()));
app.listen(3000);
