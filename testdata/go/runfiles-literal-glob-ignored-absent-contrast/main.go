package main

import "log"

func main() {
	log.SetFlags(0)
	log.Println("started; the host's supervisor keeps worker.log")
	select {}
}
