// Package config holds the settings, compiled in.
package config

type Config struct{ Addr string }

func Load(path string) Config { return Config{Addr: ":8080"} }
