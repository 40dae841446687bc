from func import state

state.save({"a": 1})
