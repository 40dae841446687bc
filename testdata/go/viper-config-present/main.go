package main

import (
	"fmt"

	"github.com/spf13/viper"
)

// Reads config.yaml from the working folder as skill-share-video-service's
// config/config.go does: a name without extension, a type and search folders.
func main() {
	viper.SetConfigName("config")
	viper.SetConfigType("yaml")
	viper.AddConfigPath(".")
	viper.AddConfigPath("..")
	if err := viper.ReadInConfig(); err != nil {
		panic(fmt.Errorf("Fatal error config file: %w", err))
	}
	fmt.Println(viper.GetString("mongo.url"))
}
