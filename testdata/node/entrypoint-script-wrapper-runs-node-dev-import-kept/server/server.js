const handler = require('serve-handler');
const path = require('path');

require('http').createServer((req, res) => handler(req, res, {
	public: path.resolve(__dirname, '../client/public')
})).listen(process.env.PORT || 8080);
