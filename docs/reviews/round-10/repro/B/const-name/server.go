package main

import (
	"net/http"
	"os"
)

// The CSV log lives in the working folder; the const is the only place that names it.
const logFile = "locations.csv"

func ensureLog() error {
	if _, err := os.Stat(logFile); os.IsNotExist(err) {
		f, err := os.OpenFile(logFile, os.O_CREATE|os.O_WRONLY, 0644)
		if err != nil {
			return err
		}
		return f.Close()
	}
	return nil
}

func main() {
	if err := ensureLog(); err != nil {
		panic(err)
	}
	http.HandleFunc("/loc", func(w http.ResponseWriter, r *http.Request) {
		f, err := os.OpenFile(logFile, os.O_APPEND|os.O_WRONLY, 0644)
		if err != nil {
			http.Error(w, err.Error(), 500)
			return
		}
		defer f.Close()
		f.WriteString("1,2\n")
	})
	http.ListenAndServe(":8080", nil)
}
