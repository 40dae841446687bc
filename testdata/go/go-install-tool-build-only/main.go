package main

import "net/http"

// @title API
func main() { http.ListenAndServe(":8080", nil) }
