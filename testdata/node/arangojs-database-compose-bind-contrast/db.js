const { Database } = require('arangojs');

function createDb(url) {
  return new Database(url);
}

module.exports = createDb(process.env.ARANGO_URL || 'http://arangodb:8529');
