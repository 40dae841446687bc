// Command greeter serves a greeting for the user it runs as.
package main

import (
	"log"
	"net/http"
	"os/user"

	"example.com/greeter/internal/greet" // the app's own package
)

func main() {
	u, err := user.Current()
	if err != nil {
		log.Fatal(err)
	}
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(greet.Hello(u.Username)))
	})
	log.Fatal(http.ListenAndServe(":8080", nil))
}
