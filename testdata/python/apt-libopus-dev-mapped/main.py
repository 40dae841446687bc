import ctypes.util
import discord
discord.opus._load_default()
print("opus loaded:", discord.opus.is_loaded(), ctypes.util.find_library("opus"))
