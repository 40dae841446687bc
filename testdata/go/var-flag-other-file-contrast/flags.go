package main

import "flag"

func init() {
	flag.StringVar(&dataDir, "data", dataDir, "folder for the server's state")
	flag.Parse()
}
