const express = require('express');

const app = express();
app.get('/', (req, res) => res.send('ok\n'));

app.listen(80, () => console.log('listening'));
