print("eapolctl")
