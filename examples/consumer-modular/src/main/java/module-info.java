/** A modular application using backprop4j from the module path. */
module consumer.modular {
    requires io.github.backprop4j;
}
