package main

import (
	"flag"
	"log"
	"net/http"
)

func main() {
	var pemPath, keyPath string
	flag.StringVar(&pemPath, "pem", "server.pem", "path to pem file")
	flag.StringVar(&keyPath, "key", "server.key", "path to key file")
	flag.Parse()
	server := &http.Server{Addr: ":8443", Handler: http.NotFoundHandler()}
	log.Fatal(server.ListenAndServeTLS(pemPath, keyPath))
}
