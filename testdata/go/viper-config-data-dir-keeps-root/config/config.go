package config

import "github.com/spf13/viper"

var c *viper.Viper

func Init() {
	c = viper.New()
	c.SetConfigName("config")
	c.SetConfigType("yaml")
	c.AddConfigPath("./config/")
	if err := c.ReadInConfig(); err != nil {
		panic(err)
	}
}

func DataDir() string { return c.GetString("data_dir") }
