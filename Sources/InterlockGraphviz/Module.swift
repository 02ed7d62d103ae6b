/// The InterlockGraphviz module; its first real types replace this marker.
enum InterlockGraphvizModule {}
