from interpreter import interpreter

interpreter.chat("hello")
