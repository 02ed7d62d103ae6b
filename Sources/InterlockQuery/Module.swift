/// The InterlockQuery module; its first real types replace this marker.
enum InterlockQueryModule {}
