const express = require('express');
const app = express();
// Express reads NODE_ENV: with it unset, app.get('env') is "development".
app.get('/', (req, res) => res.json({ env: app.get('env') }));
app.listen(process.env.PORT || 8080);
