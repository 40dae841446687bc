package config

import (
	"io"
	"os"
)

func Load(fileName string) error {
	file, err := os.Open(fileName)
	if err != nil {
		return err
	}
	defer file.Close()
	_, err = io.ReadAll(file)
	return err
}
