package main

import (
	"log"
	"net"
	"os"
)

func main() {
	conn, err := net.Dial("unix", os.Getenv("DOCKER_SOCK"))
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.Write([]byte("GET /events HTTP/1.0\r\n\r\n")); err != nil {
		log.Fatal(err)
	}
}
