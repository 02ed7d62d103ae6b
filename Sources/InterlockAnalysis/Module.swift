/// The InterlockAnalysis module; its first real types replace this marker.
enum InterlockAnalysisModule {}
