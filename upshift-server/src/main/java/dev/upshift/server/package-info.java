package dev.upshift.server;
