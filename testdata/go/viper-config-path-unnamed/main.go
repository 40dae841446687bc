package main

import (
	"fmt"
	"os"

	"github.com/spf13/viper"
)

// The folder comes from the environment: restage cannot tell which
// config.yaml the program reads.
func main() {
	viper.SetConfigName("config")
	viper.SetConfigType("yaml")
	viper.AddConfigPath(os.Getenv("CONFIG_DIR"))
	if err := viper.ReadInConfig(); err != nil {
		panic(fmt.Errorf("Fatal error config file: %w", err))
	}
	fmt.Println(viper.GetString("mongo.url"))
}
