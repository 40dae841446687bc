TOKEN_FILE = 'token.json'


def use_data_dir():
    global TOKEN_FILE
    TOKEN_FILE = 'data/token.json'
