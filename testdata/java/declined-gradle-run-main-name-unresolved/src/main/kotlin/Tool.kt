package com.example

fun main() {
    println("up")
}
