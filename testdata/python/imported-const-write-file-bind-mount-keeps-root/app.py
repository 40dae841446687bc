from service.calendar import load_token, save_token

token = load_token() or {"access_token": "refreshed"}
save_token(token)
