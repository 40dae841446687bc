package main

import (
	"context"
	"log"
	"net/http"

	firebase "firebase.google.com/go/v4"
	"google.golang.org/api/option"
)

func main() {
	// The file is named here, beside the program.
	opt := option.WithCredentialsFile("firebase-service-account.json")
	if _, err := firebase.NewApp(context.Background(), nil, opt); err != nil {
		log.Printf("push notifications off: %v", err)
	}
	http.Handle("/static/", http.StripPrefix("/static/", http.FileServer(http.Dir("./static"))))
	log.Fatal(http.ListenAndServe(":3000", nil))
}
