TOKEN_FILE = 'token.json'
