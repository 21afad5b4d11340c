# The bot as the docker-compose.yml recipe runs it. Debian like the CI; Node 22 (20.19+ works too).
FROM node:22-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
COPY . .
# npm ci runs `prepare`, which builds dist/ (the bot and the sandbox page).
RUN npm ci && npm prune --omit=dev
ENV NODE_ENV=production DATA_DIR=/data
VOLUME /data
CMD ["node", "dist/src/main.js"]
