/// The InterlockCore module; its first real types replace this marker.
enum InterlockCoreModule {}
